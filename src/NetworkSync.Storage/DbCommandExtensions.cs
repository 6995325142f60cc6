using System.Data.Common;

namespace NetworkSync.Storage;

/// <summary>What <c>AddWithValue</c> does on one provider's command, for any <see cref="DbCommand"/>.</summary>
public static class DbCommandExtensions
{
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
