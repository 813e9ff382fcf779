using CertOperator.Testing;
using CertOperator.Testing.Processes;

namespace CertOperator.Tests.Acme.Http01;

public sealed class AcmeSolverCommandTests
{
    [Fact]
    public async Task Acmesolver_verb_serves_until_SIGTERM_then_exits_zero()
    {
        var port = FreePort.Next();
        var dll = Path.Combine(AppContext.BaseDirectory, "CertOperator.dll");
        await using var solver = ManagedProcess.Start("dotnet", [dll, "acmesolver", $"--listen-port={port}", "--domain=example.com", "--token=t", "--key=t.k"]);
        await FreePort.WaitForListenerAsync(port, TimeSpan.FromSeconds(30), () => solver.HasExited, CancellationToken.None);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/.well-known/acme-challenge/t") { Headers = { Host = "example.com" } };
        var body = await (await http.SendAsync(request)).Content.ReadAsStringAsync();

        var kill = await ExternalCommand.RunAsync("kill", ["-TERM", solver.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await solver.WaitForExitAsync(timeout.Token);

        body.Should().Be("t.k");
        kill.ExitCode.Should().Be(0);
        solver.ExitCode.Should().Be(0, solver.Output);
        solver.Output.Should().BeEmpty("the solver logs nothing");
    }
}
