namespace Serverless.Shared.Registry;

/// <summary>Format of a file exchanged with other departments.</summary>
public enum ExchangeFormat
{
    /// <summary>UTF-8 CSV with a header row; lists are joined with ';'.</summary>
    Csv,

    /// <summary>A UTF-8 JSON array of objects with camel-case names.</summary>
    Json,
}
