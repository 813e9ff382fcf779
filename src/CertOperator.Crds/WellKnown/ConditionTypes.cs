namespace CertOperator.Crds.WellKnown;

/// <summary>Condition types cert-manager users and tools (kubectl wait, Argo CD health checks) look for.</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Issuing = "Issuing";
    public const string Approved = "Approved";
    public const string Denied = "Denied";
    public const string InvalidRequest = "InvalidRequest";
}
