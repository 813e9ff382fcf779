using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Http;

/// <summary>Structured log messages of the ACME client. None of them takes key material.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "ACME {Method} {Url} answered {Status}")]
    public static partial void Response(ILogger logger, string method, Uri url, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ACME server rejected the nonce for {Url}; retrying with a fresh one (attempt {Attempt})")]
    public static partial void BadNonce(ILogger logger, Uri url, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACME request to {Url} failed transiently ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void TransientRetry(ILogger logger, Uri url, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACME account {Account} is {Status}")]
    public static partial void Account(ILogger logger, Uri? account, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACME order {Order} is {Status}")]
    public static partial void Order(ILogger logger, Uri? order, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACME account {Account} rolled over to key {Thumbprint}")]
    public static partial void KeyRolledOver(ILogger logger, Uri account, string thumbprint);
}
