using System.Net;
using CertOperator.Acme.Model;

namespace CertOperator.Acme;

/// <summary>
/// An ACME server answered with an error. Carries the problem document, the HTTP status and the
/// absolute time the server asked the client to wait until (Retry-After), if any.
/// </summary>
public sealed class AcmeProblemException : Exception
{
    public AcmeProblemException(AcmeProblem problem, HttpStatusCode statusCode, DateTimeOffset? retryAfter)
        : base(Describe(problem, statusCode))
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public AcmeProblemException()
        : this(new AcmeProblem { Type = AcmeErrors.Unknown }, HttpStatusCode.InternalServerError, null)
    {
    }

    public AcmeProblemException(string message)
        : this(new AcmeProblem { Type = AcmeErrors.Unknown, Detail = message }, HttpStatusCode.InternalServerError, null)
    {
    }

    public AcmeProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new AcmeProblem { Type = AcmeErrors.Unknown, Detail = message };
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public AcmeProblem Problem { get; }

    public string Type => Problem.Type;

    public string? Detail => Problem.Detail;

    public IReadOnlyList<AcmeSubproblem> Subproblems => Problem.Subproblems ?? [];

    public HttpStatusCode StatusCode { get; }

    public DateTimeOffset? RetryAfter { get; }

    public bool IsRateLimited => Type == AcmeErrors.RateLimited;

    private static string Describe(AcmeProblem problem, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var text = $"ACME error {problem.Type} (HTTP {(int)status})";
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            text += ": " + problem.Detail;
        }

        foreach (var sub in problem.Subproblems ?? [])
        {
            text += $"; {sub.Identifier?.Value}: {sub.Type} {sub.Detail}";
        }

        return text;
    }
}
