using System.CommandLine;
using CertOperator.Cli;

var root = new RootCommand("CertOperator: cert-manager compatible certificate operator for Kubernetes")
{
    RunCommand.Create(),
    AcmeSolverCommand.Create(),
    GenerateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
