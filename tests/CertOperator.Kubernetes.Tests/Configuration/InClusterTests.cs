using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Configuration;

public sealed class InClusterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private InClusterOptions Options(string? host = "10.0.0.1", string? port = "443") => new()
    {
        TokenPath = Path.Combine(_dir.Path, "token"),
        CaPath = Path.Combine(_dir.Path, "ca.crt"),
        NamespacePath = Path.Combine(_dir.Path, "namespace"),
        Environment = name => name switch
        {
            "KUBERNETES_SERVICE_HOST" => host,
            "KUBERNETES_SERVICE_PORT" => port,
            _ => null,
        },
    };

    [Fact]
    public void Service_account_files_and_variables_make_the_configuration()
    {
        _dir.Write("token", "sa-token");
        _dir.Write("ca.crt", TestCertificates.SelfSigned("cluster-ca").CertificatePem);
        _dir.Write("namespace", "cert-operator\n");

        var config = KubernetesClientConfiguration.InCluster(Options());

        config.Server.Should().Be(new Uri("https://10.0.0.1:443"));
        config.TokenFile.Should().Be(Path.Combine(_dir.Path, "token"));
        config.CaCertificates.Should().ContainSingle();
        config.Namespace.Should().Be("cert-operator");
    }

    [Fact]
    public void An_IPv6_service_host_is_bracketed()
    {
        _dir.Write("token", "t");

        KubernetesClientConfiguration.InCluster(Options(host: "fd00::1")).Server.Should().Be(new Uri("https://[fd00::1]:443"));
    }

    [Fact]
    public void A_missing_token_file_is_named_in_the_error()
    {
        var act = () => KubernetesClientConfiguration.InCluster(Options());

        act.Should().Throw<KubernetesConfigurationException>().WithMessage($"*{Path.Combine(_dir.Path, "token")}*does not exist*");
    }

    [Fact]
    public void Missing_variables_are_named_in_the_error()
    {
        var act = () => KubernetesClientConfiguration.InCluster(Options(host: null));

        act.Should().Throw<KubernetesConfigurationException>().WithMessage("*KUBERNETES_SERVICE_HOST*KUBERNETES_SERVICE_PORT*");
    }

    [Fact]
    public async Task A_rotated_token_is_picked_up()
    {
        var path = _dir.Write("token", "first");
        var time = new FakeTimeProvider();
        var source = new FileTokenSource(path, time);
        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("first");

        File.WriteAllText(path, "second");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("second");
    }

    [Fact]
    public async Task The_token_file_is_reread_every_minute_even_if_its_time_stamp_does_not_change()
    {
        var path = _dir.Write("token", "first");
        var stamp = File.GetLastWriteTimeUtc(path);
        var time = new FakeTimeProvider();
        var source = new FileTokenSource(path, time);
        await source.GetTokenAsync(CancellationToken.None);
        File.WriteAllText(path, "second");
        File.SetLastWriteTimeUtc(path, stamp);

        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("first");
        time.Advance(TimeSpan.FromMinutes(1));
        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("second");
    }

    public void Dispose() => _dir.Dispose();
}
