using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using SixStability.Workflow.Cycles;

namespace SixStability.Integration.Tests.Cycles.Replay;

/// <summary>
/// Activities tolerate old inputs: every payload an old cycle holds — its start input, each command
/// raised to it, each activity's input (histories keep them from version 2 on: neither host stored them
/// before) and each activity's result, which the orchestrator reads back on every replay — still reads
/// into today's records, and nothing in it is lost on the way (today's record writes back the same
/// JSON, a field missing on one side counting as null).
/// </summary>
public sealed class RecordedPayloadTests
{
    private static readonly DurableTaskShimFactory Shim = new(null, NullLoggerFactory.Instance);

    public static TheoryData<string> Fixtures => [.. RecordedHistory.All()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Every_recorded_activity_input_reaches_todays_activity_through_the_shim(string fixture)
    {
        TaskScheduledEvent[] scheduled = [.. RecordedHistory.Load(fixture).Events().OfType<TaskScheduledEvent>().Where(e => e.Input is not null)];

        foreach (TaskScheduledEvent e in scheduled)
        {
            Type activity = Activity(e.Name!);
            var capture = new CapturingActivity(activity.BaseType!.GetGenericArguments()[0]);
            TaskActivity shimmed = Shim.CreateActivity(e.Name!, capture);
            await shimmed.RunAsync(new TaskContext(new OrchestrationInstance { InstanceId = "replay" }), e.Input!);

            capture.Input.Should().NotBeNull($"{e.Name}'s recorded input {e.Input} must read into {capture.InputType.Name}");
            HistoryReplayer.SameJson(JsonDataConverter.Default.Serialize(capture.Input), e.Input![1..^1]).Should().BeTrue($"{capture.InputType.Name} keeps everything of {e.Input}");
        }

        if (fixture.StartsWith("v2/", StringComparison.Ordinal))
        {
            scheduled.Should().NotBeEmpty("from version 2 on, histories keep activity inputs");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_recorded_start_input_command_and_result_still_reads_into_todays_records(string fixture)
    {
        IReadOnlyList<HistoryEvent> events = RecordedHistory.Load(fixture).Events();
        var names = events.OfType<TaskScheduledEvent>().ToDictionary(e => e.EventId, e => e.Name!);

        ExecutionStartedEvent started = events.OfType<ExecutionStartedEvent>().Single();
        RoundTrips<CycleInput>(started.Input).CycleId.Should().NotBeNullOrEmpty();
        foreach (EventRaisedEvent raised in events.OfType<EventRaisedEvent>())
        {
            raised.Name.Should().Be(CycleOrchestrator.CommandEvent);
            RoundTrips<CycleCommand>(raised.Input);
        }

        TaskCompletedEvent[] results = [.. events.OfType<TaskCompletedEvent>()];
        results.Should().NotBeEmpty();
        foreach (TaskCompletedEvent done in results)
        {
            Type output = Activity(names[done.TaskScheduledId]).BaseType!.GetGenericArguments()[1];
            object? value = JsonDataConverter.Default.Deserialize(done.Result, output);
            value.Should().NotBeNull($"{names[done.TaskScheduledId]}'s result {done.Result} must read into {output.Name}");
            HistoryReplayer.SameJson(JsonDataConverter.Default.Serialize(value), done.Result).Should().BeTrue($"{output.Name} keeps everything of {done.Result}");
        }

        RoundTrips<CycleResult>(events.OfType<ExecutionCompletedEvent>().Single().Result).Status.Should().NotBeNullOrEmpty();
    }

    private static T RoundTrips<T>(string? json)
    {
        T? value = JsonDataConverter.Default.Deserialize<T>(json);
        value.Should().NotBeNull($"{json} must read into {typeof(T).Name}");
        HistoryReplayer.SameJson(JsonDataConverter.Default.Serialize(value), json).Should().BeTrue($"{typeof(T).Name} keeps everything of {json}");
        return value!;
    }

    private static Type Activity(string name) =>
        CycleTasks.Activities.SingleOrDefault(t => t.Name == name) ?? throw new InvalidOperationException($"No activity named {name} any more: a running cycle still calls it.");

    /// <summary>Stands in for the activity: the shim deserializes the input for it, nothing runs.</summary>
    private sealed class CapturingActivity(Type inputType) : ITaskActivity
    {
        public Type InputType => inputType;

        public Type OutputType => typeof(object);

        public object? Input { get; private set; }

        public Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            Input = input;
            return Task.FromResult<object?>(null);
        }
    }
}
