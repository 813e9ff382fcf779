namespace CertOperator.Crds.WellKnown;

/// <summary>Label keys cert-manager sets on objects it manages.</summary>
public static class CertManagerLabels
{
    /// <summary>"For attention of" the controller: marks Secrets the controller needs to watch (filtered Secret cache).</summary>
    public const string PartOfCertManagerController = "controller.cert-manager.io/fao";
}
