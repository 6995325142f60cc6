namespace NetworkSync.Application.Privacy;

/// <summary>How a "forget this contact" request ended.</summary>
public enum ForgetOutcome
{
    Forgotten,
    NotAnAddress,
    OwnAddress,
}
