using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Calendar;

/// <summary>An attendee as Graph lists it: <c>type</c> required/optional/resource and a <c>status</c>.</summary>
/// <param name="Address">Who.</param>
/// <param name="Type"><c>required</c>, <c>optional</c> or <c>resource</c> (rooms).</param>
/// <param name="Response">Graph responseType: <c>none</c>, <c>accepted</c>, <c>tentativelyAccepted</c>, <c>declined</c>, <c>notResponded</c>.</param>
/// <param name="ResponseTime">When they responded; null is written as Graph's <c>0001-01-01T00:00:00Z</c>.</param>
internal sealed record EventAttendee(MailAddress Address, string Type, string Response, DateTimeOffset? ResponseTime);
