using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Learning;

/// <summary>
/// Fits the warmth model's logistic regression with ML.NET's L-BFGS trainer (a maintained, tested
/// optimiser; docs/relationship-model.md says why). Weights are held non-negative by the trainer
/// (<c>EnforceNonNegativity</c>), so the monotonicity the property tests check survives fitting.
/// Features are scaled by their largest value first (a positive factor, so signs and monotonicity
/// are untouched) and the weights scaled back, so the model scores raw features. One thread, a fixed
/// seed: the same examples always give the same weights.
/// ML.NET's non-negativity holds the bias at zero or above too, and with features that only add, a
/// mailbox where most people are not written to next needs a negative bias. So one more column is the
/// constant −1: its (non-negative) weight is the negative part of the bias.
/// </summary>
public static class WarmthModelFitter
{
    public static WarmthModel Fit(IReadOnlyList<WarmthExample> examples, WarmthFitOptions options, string reason)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var count = WarmthFeatures.Count;
        var scale = new double[count];
        foreach (var example in examples)
        {
            for (var i = 0; i < count; i++)
            {
                scale[i] = Math.Max(scale[i], example.Features[i]);
            }
        }

        for (var i = 0; i < count; i++)
        {
            scale[i] = scale[i] > 0 ? scale[i] : 1;
        }

        var rows = examples.Select(e => new Row
        {
            Features = e.Features.Select((x, i) => (float)(x / scale[i])).Append(-1f).ToArray(),
            Label = e.Label,
        });
        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, count + 1);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            EnforceNonNegativity = true,
            L1Regularization = 0,
            L2Regularization = options.L2Regularization,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 200,
            NumberOfThreads = 1,
        });
        var fitted = trainer.Fit(data).Model.SubModel;
        var weights = fitted.Weights.Take(count).Select((w, i) => Math.Max(0, w / scale[i])).ToArray();
        return new WarmthModel(weights, fitted.Bias - fitted.Weights[count], WarmthModelSource.Fitted, reason);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
