using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>Base of the rules over a whole Dockerfile value (stage order, names, the final stage).</summary>
public abstract class DockerfileAnalyzer : FluentDockerAnalyzer
{
    private protected DockerfileAnalyzer() { }

    private protected sealed override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            if (DockerfileChain.ForOutermost((IInvocationOperation)operation.Operation, types) is { } dockerfile)
                Analyze(dockerfile, operation);
        }, OperationKind.Invocation);

    private protected abstract void Analyze(DockerfileChain dockerfile, OperationAnalysisContext context);
}
