namespace InferenceGrpc.SampleData;

/// <summary>
/// A record due at a later time, kept as a small struct (not a protobuf message) because
/// thousands wait in the queue at once; the record is only built when it is due.
/// </summary>
internal readonly record struct ScheduledEvent(long TimeMs, ScheduledEventKind Kind, Guid TargetId, int Detail, double Value);
