using System.Text.RegularExpressions;
using CertOperator.Testing.RealKube;
using CertOperator.Tests.EndToEnd.ControlPlanes;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// The operator against a real kube-apiserver 1.24, authenticated as the ServiceAccount config/rbac
/// binds, so anything the shipped RBAC forgets shows up as 403 Forbidden.
/// </summary>
public partial class RealOperatorEnvironment : OperatorEnvironment
{
    public RealKubeApiServer Server => ((RealControlPlane)ControlPlane).Server;

    /// <summary>Lines of the operator's log (all its processes so far) that report a 403 Forbidden answer.</summary>
    public IReadOnlyList<string> ForbiddenLogLines() =>
        OperatorLog.Split('\n').Where(line => ForbiddenPattern().IsMatch(line)).ToList();

    protected override async Task<IControlPlane> StartControlPlaneAsync(string folder) => await RealControlPlane.StartAsync();

    // 403 as a status code, never the milliseconds of a log timestamp ("08:34:28.403 info: ...").
    [GeneratedRegex(@"forbidden|(?<!\.)\b403\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenPattern();
}
