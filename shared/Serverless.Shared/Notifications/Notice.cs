namespace Serverless.Shared.Notifications;

/// <summary>A plain-text notice to one recipient.</summary>
/// <param name="MessageId">RFC 5322 Message-ID without angle brackets, derived from the draw and recipient.</param>
/// <param name="ToAddress">Recipient address.</param>
/// <param name="ToName">Recipient display name.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="TextBody">Body text.</param>
public sealed record Notice(string MessageId, string ToAddress, string ToName, string Subject, string TextBody);
