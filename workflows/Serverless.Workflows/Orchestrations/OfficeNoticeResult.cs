namespace Serverless.Workflows.Orchestrations;

/// <summary>One office's draw result and how its notices went.</summary>
/// <param name="Draw">The office's draw result.</param>
/// <param name="NoticesSent">Notices sent by this run.</param>
/// <param name="NoticesSkipped">Notices an earlier run had already sent or claimed.</param>
/// <param name="NoticesFailed">Notices that failed after every retry.</param>
public sealed record OfficeNoticeResult(OfficeDrawResult Draw, int NoticesSent, int NoticesSkipped, int NoticesFailed);
