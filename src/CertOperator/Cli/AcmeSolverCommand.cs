using System.CommandLine;
using CertOperator.Acme.Http01;
using Microsoft.Extensions.Hosting;

namespace CertOperator.Cli;

/// <summary>`acmesolver`: the HTTP-01 challenge server run in solver pods (cert-manager's acmesolver flags).</summary>
internal static class AcmeSolverCommand
{
    public static Command Create()
    {
        var listenPort = new Option<int>("--listen-port") { Description = "Port to listen for HTTP-01 requests on", DefaultValueFactory = _ => 8089 };
        var domain = new Option<string>("--domain") { Description = "Domain the challenge is for; requests for other hosts get 404 (empty: any host)", DefaultValueFactory = _ => "" };
        var token = new Option<string>("--token") { Description = "The challenge token, served at /.well-known/acme-challenge/<token>", Required = true };
        var key = new Option<string>("--key") { Description = "The key authorization to answer with", Required = true };

        var command = new Command("acmesolver", "Serve one HTTP-01 challenge response until terminated") { listenPort, domain, token, key };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new AcmeSolverSettings(parse.GetValue(listenPort), parse.GetValue(domain)!, parse.GetValue(token)!, parse.GetValue(key)!);
            await using var app = AcmeSolverServer.Build(settings);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
