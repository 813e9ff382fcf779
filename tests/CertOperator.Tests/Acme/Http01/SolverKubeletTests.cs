using System.Net;
using CertOperator.Acme.Http01;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing.Kubelet;
using CertOperator.Testing.Processes;

namespace CertOperator.Tests.Acme.Http01;

public sealed class SolverKubeletTests(SolverCluster cluster) : IClassFixture<SolverCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string[], int, string[]> ListenPortCases => new()
    {
        { "joined form replaced", ["acmesolver", "--listen-port=8089", "--token=t"], 4000, ["acmesolver", "--token=t", "--listen-port=4000"] },
        { "separate value replaced", ["acmesolver", "--listen-port", "8089", "--token=t"], 4000, ["acmesolver", "--token=t", "--listen-port=4000"] },
        { "added when missing", ["acmesolver", "--token=t"], 4000, ["acmesolver", "--token=t", "--listen-port=4000"] },
    };

    [Theory]
    [MemberData(nameof(ListenPortCases))]
    public void Listen_port_is_moved_to_a_free_one(string name, string[] args, int port, string[] expected)
    {
        SolverKubelet.WithListenPort(args, port).Should().Equal(expected, name);
    }

    [Fact]
    public async Task Solver_pods_become_processes_behind_the_front_server()
    {
        var challenge = await cluster.CreateChallengeAsync();
        var pod = SolverResources.Pod(challenge, new Http01Options());
        var frontPort = FreePort.Next();
        var dll = Path.Combine(AppContext.BaseDirectory, "CertOperator.dll");
        await using var kubelet = await SolverKubelet.StartAsync(cluster.Configuration, dll, frontPort, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{frontPort}") };

        await cluster.Client.CreateAsync(pod);
        await EventuallyAsync(() => kubelet.Tokens.Contains(challenge.Spec.Token) && kubelet.RunningSolvers == 1, kubelet, "the solver process started");
        var served = await GetAsync(http, challenge.Spec.DnsName, SolverResources.ChallengePath(challenge));
        var unknown = await GetAsync(http, challenge.Spec.DnsName, "/.well-known/acme-challenge/unknown");

        await cluster.Client.DeleteAsync<Pod>(pod.Metadata.NamespaceProperty, pod.Metadata.Name!);
        await EventuallyAsync(() => kubelet.RunningSolvers == 0 && kubelet.Tokens.Count == 0, kubelet, "the solver process stopped");
        var afterDelete = await GetAsync(http, challenge.Spec.DnsName, SolverResources.ChallengePath(challenge));

        served.Status.Should().Be(HttpStatusCode.OK, kubelet.Output);
        served.Body.Should().Be(challenge.Spec.Key);
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        afterDelete.Status.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadGateway);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task EventuallyAsync(Func<bool> done, SolverKubelet kubelet, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {Timeout}; tokens: [{string.Join(',', kubelet.Tokens)}]\n{kubelet.Output}");
            }

            await Task.Delay(100);
        }
    }
}
