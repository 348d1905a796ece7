namespace Serverless.Shared.Notifications;

/// <summary>
/// SMTP server and sender of draw notices, bound from the <c>Smtp</c> configuration section. Without a host,
/// notices are written to the .eml folder instead.
/// </summary>
/// <remarks>A class, not a record, so that a generated ToString never prints the password.</remarks>
public sealed class SmtpOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Smtp";

    /// <summary>Host name or IP address of the SMTP server, or empty when no server is configured.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>TCP port of the SMTP server.</summary>
    public int Port { get; init; } = 25;

    /// <summary>How the connection is secured.</summary>
    public SmtpTlsMode TlsMode { get; init; } = SmtpTlsMode.StartTls;

    /// <summary>User name for SMTP authentication, or null to send without authenticating.</summary>
    public string? UserName { get; init; }

    /// <summary>Password for SMTP authentication, used only when <see cref="UserName"/> is set.</summary>
    public string? Password { get; init; }

    /// <summary>Address in the From header and the SMTP envelope.</summary>
    public string FromAddress { get; init; } = string.Empty;

    /// <summary>Display name in the From header, for example 广东省人力资源和社会保障厅劳动保障监察.</summary>
    public string FromName { get; init; } = string.Empty;

    /// <summary>True when a host is set, so notices go out over SMTP.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Sender address used when none is configured; the .example domain is reserved and never delivers.</summary>
    public const string DefaultFromAddress = "notices@inspection.example";

    /// <summary>Sender name used when none is configured.</summary>
    public const string DefaultFromName = "劳动保障监察双随机抽查";

    /// <summary>Returns a copy with the default sender address and name filled in where these are empty.</summary>
    public SmtpOptions WithDefaultSender() => new()
    {
        Host = Host,
        Port = Port,
        TlsMode = TlsMode,
        UserName = UserName,
        Password = Password,
        FromAddress = string.IsNullOrWhiteSpace(FromAddress) ? DefaultFromAddress : FromAddress,
        FromName = string.IsNullOrWhiteSpace(FromName) ? DefaultFromName : FromName,
    };
}
