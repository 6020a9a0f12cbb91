namespace SixStability.Core.Plans;

/// <summary>What kind of refusal, so a host can choose its status code (415 for a file type, 400 otherwise).</summary>
public enum PlanRefusalReason
{
    /// <summary>The file is empty or holds no text.</summary>
    Empty,

    /// <summary>Larger than a plan can be.</summary>
    TooLarge,

    /// <summary>.doc, .wps, PDF, OFD, a spreadsheet, an image: not read, save as .docx.</summary>
    UnsupportedFileType,

    /// <summary>Text in neither UTF-8 nor GB18030, or binary content.</summary>
    UnreadableText,

    /// <summary>A .docx that does not open.</summary>
    DamagedFile,

    /// <summary>No task and no item could be found.</summary>
    NoTasks,

    /// <summary>The plan id is not lowercase ASCII.</summary>
    InvalidPlanId,

    /// <summary>A correction names an item, unit or suggestion that is not in the draft.</summary>
    InvalidCorrection,

    /// <summary>The draft cannot become the plan yet (tasks without units, unknown names).</summary>
    NotReady,
}
