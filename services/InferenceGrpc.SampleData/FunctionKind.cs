namespace InferenceGrpc.SampleData;

/// <summary>The functions of the sample application; each has its own prompts and outputs.</summary>
internal enum FunctionKind
{
    AnswerQuestion,
    Summarize,
    ClassifyTicket,
    DraftEmail,
    ExtractEntities,
    Translate,
    CodeReview,
    WriteHaiku,
    EmbedDocument,
}
