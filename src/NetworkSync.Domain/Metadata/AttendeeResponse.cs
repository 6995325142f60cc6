namespace NetworkSync.Domain.Metadata;

/// <summary>Graph's <c>responseType</c> values.</summary>
public enum AttendeeResponse
{
    None = 0,
    Organizer = 1,
    TentativelyAccepted = 2,
    Accepted = 3,
    Declined = 4,
    NotResponded = 5,
}
