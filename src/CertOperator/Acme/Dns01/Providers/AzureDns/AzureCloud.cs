namespace CertOperator.Acme.Dns01.Providers.AzureDns;

/// <summary>The Resource Manager and login endpoints of one Azure cloud (`azureDNS.environment`).</summary>
internal sealed record AzureCloud(Uri ResourceManager, Uri Login)
{
    public static AzureCloud Of(string? environment) => environment switch
    {
        "AzureChinaCloud" => new(new("https://management.chinacloudapi.cn/"), new("https://login.chinacloudapi.cn/")),
        "AzureUSGovernmentCloud" => new(new("https://management.usgovcloudapi.net/"), new("https://login.microsoftonline.us/")),
        "AzureGermanCloud" => new(new("https://management.microsoftazure.de/"), new("https://login.microsoftonline.de/")),
        _ => new(new("https://management.azure.com/"), new("https://login.microsoftonline.com/")),
    };

    /// <summary>The token scope (v2 endpoint) for Resource Manager.</summary>
    public string Scope => ResourceManager.AbsoluteUri + ".default";
}
