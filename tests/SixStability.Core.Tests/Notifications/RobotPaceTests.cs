using SixStability.Core.Notifications;

namespace SixStability.Core.Tests.Notifications;

public sealed class RobotPaceTests
{
    private static readonly DateTimeOffset T0 = new(2020, 10, 13, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly PacePolicy Twenty = PacePolicy.Robots;

    [Fact]
    public void Twenty_sends_take_twenty_slots_and_the_21st_waits_until_the_first_slot_is_a_minute_old()
    {
        var slots = new DateTimeOffset?[20];
        var sends = new List<DateTimeOffset>();
        for (int i = 0; i < 20; i++)
        {
            DateTimeOffset at = T0.AddSeconds(i);
            PaceChoice choice = RobotPace.Choose(slots, null, at, Twenty);
            slots[choice.Slot!.Value] = at;
            sends.Add(at);
        }

        PaceChoice twentyFirst = RobotPace.Choose(slots, null, T0.AddSeconds(30), Twenty);

        twentyFirst.Should().Be(new PaceChoice(null, T0.AddMinutes(1)));
        RobotPace.Choose(slots, null, T0.AddMinutes(1), Twenty).Slot.Should().Be(0, "the oldest slot is free after a whole minute");
        RobotPace.Respects(sends, Twenty).Should().BeTrue();
    }

    [Fact]
    public void Taking_slots_whenever_one_is_free_never_puts_more_than_20_sends_in_any_minute()
    {
        var slots = new DateTimeOffset?[20];
        var sends = new List<DateTimeOffset>();
        var random = new Random(19);
        DateTimeOffset now = T0;
        while (sends.Count < 500)
        {
            now = now.AddMilliseconds(random.Next(0, 4000));
            if (RobotPace.Choose(slots, null, now, Twenty) is { Slot: int slot })
            {
                slots[slot] = now;
                sends.Add(now);
            }
        }

        RobotPace.Respects(sends, Twenty).Should().BeTrue();
        (sends[^1] - sends[0]).Should().BeLessThan(TimeSpan.FromMinutes(30), "and the allowance is used, not wasted: 500 sends in under 25 minutes");
    }

    [Fact]
    public void Takers_starting_at_different_places_reach_for_different_free_slots_and_all_find_the_last_one()
    {
        var slots = new DateTimeOffset?[20];
        slots[5] = T0;

        RobotPace.Choose(slots, null, T0, Twenty, start: 7).Slot.Should().Be(7);
        RobotPace.Choose(slots, null, T0, Twenty, start: 5).Slot.Should().Be(6, "slot 5 is in use");
        var full = Enumerable.Range(0, 20).Select(i => (DateTimeOffset?)T0.AddSeconds(i)).ToArray();
        full[13] = null;
        Enumerable.Range(0, 20).Select(start => RobotPace.Choose(full, null, T0.AddSeconds(30), Twenty, start).Slot).Should().AllBeEquivalentTo(13);
    }

    [Fact]
    public void A_robot_that_said_too_fast_gets_nothing_until_its_hold_ends()
    {
        var slots = new DateTimeOffset?[20];

        RobotPace.Choose(slots, T0.AddMinutes(10), T0, Twenty).Should().Be(new PaceChoice(null, T0.AddMinutes(10)));
        RobotPace.Choose(slots, T0.AddMinutes(10), T0.AddMinutes(10), Twenty).Slot.Should().Be(0);
    }

    [Fact]
    public void Respects_sees_21_sends_in_one_minute()
    {
        IEnumerable<DateTimeOffset> sends = Enumerable.Range(0, 21).Select(i => T0.AddSeconds(i * 2.9));

        RobotPace.Respects(sends, Twenty).Should().BeFalse();
        RobotPace.Respects(sends.Take(20).Append(T0.AddSeconds(60)), Twenty).Should().BeTrue();
    }
}
