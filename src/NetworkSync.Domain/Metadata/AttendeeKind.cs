namespace NetworkSync.Domain.Metadata;

/// <summary>Graph's <c>attendeeType</c>: rooms and equipment are <see cref="Resource"/>.</summary>
public enum AttendeeKind
{
    Required = 0,
    Optional = 1,
    Resource = 2,
}
