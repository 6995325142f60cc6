namespace NetworkSync.DemoData.Calendar;

/// <summary>Graph's <c>location</c>: a display name and a kind (<c>conferenceRoom</c>, <c>default</c>, <c>businessAddress</c>…).</summary>
internal sealed record EventLocation(string DisplayName, string LocationType, string? RoomAddress = null)
{
    public static readonly EventLocation Teams = new("Microsoft Teams Meeting", "default");
}
