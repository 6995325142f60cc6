using Microsoft.Extensions.Options;

namespace NetworkSync.App.Hosting;

/// <summary>
/// The options checks made at start-up (<see cref="CoreServiceRegistration.AddValidatedOptions{T}"/>) failing:
/// turned into the one-line reason `networksync` prints before exiting 1, instead of a stack trace.
/// </summary>
public static class InvalidConfiguration
{
    /// <summary>The failure to throw instead of <paramref name="exception"/>, or null when it is not an options check's.</summary>
    public static ExpectedFailureException? From(Exception exception) => exception switch
    {
        OptionsValidationException invalid => new ExpectedFailureException("configuration: " + invalid.Message),
        AggregateException all when all.InnerExceptions.Count > 0 && all.InnerExceptions.All(e => e is OptionsValidationException) =>
            new ExpectedFailureException("configuration: " + string.Join("; ", all.InnerExceptions.Select(e => e.Message))),
        _ => null,
    };
}
