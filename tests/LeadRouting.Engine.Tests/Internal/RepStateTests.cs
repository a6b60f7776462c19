using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Tests.Internal;

/// <summary>The packed counter word: both caps checked and raised by one compare-and-swap.</summary>
public class RepStateTests
{
    private const int Day = 740_000;

    [Fact]
    public void A_reservation_raises_open_and_today_and_stops_at_whichever_cap_comes_first()
    {
        var state = new RepState(active: true);

        Assert.True(state.TryReserve(maxOpen: 5, maxPerDay: 2, Day));
        Assert.True(state.TryReserve(maxOpen: 5, maxPerDay: 2, Day));
        Assert.False(state.TryReserve(maxOpen: 5, maxPerDay: 2, Day));

        Assert.Equal(2, state.OpenLeads);
        Assert.Equal(2, state.LeadsOn(Day));
    }

    [Fact]
    public void Today_restarts_from_zero_on_a_new_day_while_open_leads_carry_on()
    {
        var state = new RepState(active: true);
        Assert.True(state.TryReserve(maxOpen: 10, maxPerDay: 1, Day));
        Assert.False(state.TryReserve(maxOpen: 10, maxPerDay: 1, Day));

        Assert.True(state.TryReserve(maxOpen: 10, maxPerDay: 1, Day + 1));

        Assert.Equal(2, state.OpenLeads);
        Assert.Equal(0, state.LeadsOn(Day + 2));
        Assert.Equal(1, state.LeadsOn(Day + 1));
    }

    [Fact]
    public void Release_frees_an_open_slot_but_not_a_daily_one_and_never_goes_below_zero()
    {
        var state = new RepState(active: true);
        Assert.True(state.TryReserve(maxOpen: 1, maxPerDay: 1, Day));

        Assert.True(state.TryRelease());
        Assert.False(state.TryRelease());

        Assert.Equal(0, state.OpenLeads);
        Assert.False(state.TryReserve(maxOpen: 1, maxPerDay: 1, Day));
        Assert.True(state.TryReserve(maxOpen: 1, maxPerDay: -1, Day));
    }

    [Fact]
    public void An_uncapped_rep_stops_at_the_largest_count_the_word_holds_rather_than_overflow_into_the_day()
    {
        var state = new RepState(active: true);
        Assert.True(state.TryReserve(maxOpen: int.MaxValue, maxPerDay: 3, Day));
        for (var i = 1; i < RepState.MaxCount; i++)
        {
            Assert.True(state.TryReserve(maxOpen: int.MaxValue, maxPerDay: -1, Day));
        }

        Assert.False(state.TryReserve(maxOpen: int.MaxValue, maxPerDay: -1, Day));
        Assert.Equal(RepState.MaxCount, state.OpenLeads);
        Assert.Equal(1, state.LeadsOn(Day));
    }
}
