namespace InferenceGrpc.SampleData;

/// <summary>
/// Future records in time order. Ties break by scheduling order, so the output never depends
/// on the heap's internal layout. Events at or after the window end are dropped: the end of
/// the window is "now", and feedback from the future does not exist yet.
/// </summary>
internal sealed class EventQueue(long windowEndMs)
{
    private readonly PriorityQueue<ScheduledEvent, (long TimeMs, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Schedule(ScheduledEvent scheduled)
    {
        if (scheduled.TimeMs < windowEndMs)
        {
            _queue.Enqueue(scheduled, (scheduled.TimeMs, _sequence++));
        }
    }

    /// <summary>Takes the earliest event if it is due before <paramref name="timeMs"/>.</summary>
    public bool TryDequeueBefore(long timeMs, out ScheduledEvent scheduled)
    {
        if (_queue.TryPeek(out scheduled, out var priority) && priority.TimeMs < timeMs)
        {
            _queue.Dequeue();
            return true;
        }

        scheduled = default;
        return false;
    }
}
