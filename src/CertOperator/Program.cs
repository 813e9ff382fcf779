using System.CommandLine;
using CertOperator.Cli;
using CertOperator.Cli.Verbs;

var root = new RootCommand("CertOperator: cert-manager compatible certificate operator for Kubernetes")
{
    RunCommand.Create(),
    AcmeSolverCommand.Create(),
    WebhookCommand.Create(),
    GenerateCommand.Create(),
    StatusCommand.Create(),
    RenewCommand.Create(),
    InspectCommand.Create(),
    CheckCommand.Create(),
    ConvertCommand.Create(),
    RevokeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
