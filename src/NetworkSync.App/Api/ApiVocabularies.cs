using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NetworkSync.Application.Context;
using NetworkSync.Application.FollowUps;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.App.Api;

/// <summary>
/// The closed sets of strings the API answers and accepts (tiers, follow-up statuses and filters,
/// contact filters, timeline kinds, sign-in modes), written into the OpenAPI document as enums so
/// clients (the add-in's contract test) can check their own types against them.
/// </summary>
public static class ApiVocabularies
{
    private static readonly string[] Tiers = Enum.GetValues<WarmthTier>().Select(t => t.ToWire()).ToArray();

    private static readonly string[] FollowUpStatuses = Enum.GetValues<FollowUpStatus>().Where(s => s != FollowUpStatus.Withdrawn).Select(s => s.ToWire()).ToArray();

    private static readonly string[] ContactFilters = Enum.GetValues<ContactListFilter>().Select(f => f.ToString().ToLowerInvariant()).ToArray();

    private static readonly string[] TimelineKinds = ["sent", "received", "meeting"];

    private static readonly string[] Modes = ["local", "entra"];

    /// <summary>Enums on response properties, by JSON property name (and, for a name that is not unique, its declaring type).</summary>
    private static readonly (Type? Declaring, string Property, string[] Values)[] Properties =
    [
        (null, "tier", Tiers),
        (typeof(FollowUpView), "status", FollowUpStatuses),
        (typeof(TimelineEntry), "kind", TimelineKinds),
        (typeof(MeView), "mode", Modes),
    ];

    /// <summary>Enums on query parameters, by operation and parameter name.</summary>
    private static readonly (string Operation, string Parameter, IReadOnlyList<string> Values)[] Queries =
    [
        ("ListFollowUps", "status", Enum.GetValues<FollowUpFilter>().Select(f => f.ToWire()).ToArray()),
        ("ListCallerContacts", "filter", ContactFilters),
    ];

    public static OpenApiOptions AddApiVocabularies(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is { } property
                && Properties.FirstOrDefault(p => p.Property == property.Name && (p.Declaring is null || p.Declaring == property.DeclaringType)) is { Values: { } values })
            {
                schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter.Schema is OpenApiSchema schema
                    && Queries.FirstOrDefault(q => q.Operation == operation.OperationId && q.Parameter == parameter.Name) is { Values: { } values })
                {
                    schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
