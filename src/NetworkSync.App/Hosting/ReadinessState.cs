namespace NetworkSync.App.Hosting;

/// <summary>The answer of <see cref="Readiness.CheckAsync"/>.</summary>
public enum ReadinessState
{
    /// <summary>Start-up work (migrations) is not finished.</summary>
    Starting,

    /// <summary>Start-up is done, but the database did not answer the probe.</summary>
    DatabaseUnavailable,

    Ready,
}
