using SixStability.Core.Cycles;

namespace SixStability.Core.Reports;

// What the compiler keeps per task and per unit while obligations stream past.
public sealed partial class SummaryCompiler
{
    private sealed class TaskTally
    {
        public int Units { get; set; }

        public List<string> Reported { get; } = [];

        public List<string> Missing { get; } = [];

        public List<string> Late { get; } = [];

        /// <summary>Missing and due: what the colour counts.</summary>
        public int Overdue { get; set; }

        public int OnTrack { get; set; }

        public int Behind { get; set; }

        public int Done { get; set; }

        public Obligation? Lead { get; set; }

        public UnitAccount? LeadAccount { get; set; }

        /// <summary>Co-units' condensed accounts with their place in the plan's order, kept for a task whose lead has none.</summary>
        public List<(int Place, UnitAccount Account)> Accounts { get; } = [];

        public int OtherAccounts { get; set; }
    }

    private sealed class UnitTally
    {
        public int Obligations { get; set; }

        public int Submitted { get; set; }

        public int OnTime { get; set; }

        /// <summary>Missing and due: what accountability counts (a preview before the due day has none).</summary>
        public int Overdue { get; set; }

        public int Pending { get; set; }

        public int Late { get; set; }

        public int DaysLate { get; set; }

        public int DaysLateTotal { get; set; }

        public int Level { get; set; }

        public int Returns { get; set; }

        public int IndicatorsAhead { get; set; }

        public int DeadlinesMet { get; set; }

        public int Accepted { get; set; }
    }
}
