namespace NetworkSync.DemoData.Time;

/// <summary>When a correspondent writes: in office hours on weekdays, or evenings and weekends.</summary>
internal enum ActivityMode
{
    Work,
    Personal,
}
