namespace NetworkSync.Sync.Configuration;

public enum GraphAuthMode
{
    /// <summary>App-only, client secret from the environment or user-secrets.</summary>
    ClientSecret = 0,

    /// <summary>App-only, certificate from a file or the certificate store.</summary>
    Certificate = 1,

    /// <summary>Delegated, the user signs in on another device.</summary>
    DeviceCode = 2,

    /// <summary>The built-in Graph emulator's own token endpoint (demo mode, tests, fixtures).</summary>
    Emulator = 3,
}
