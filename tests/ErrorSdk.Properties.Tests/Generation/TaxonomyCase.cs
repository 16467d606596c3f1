using ErrorSdk.Properties.Tests.Model;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>
    /// One generated case of a property: a random taxonomy, the layout its JSON is written with, and the value
    /// cases run against it once compiled. CsCheck prints it on failure: the JSON, so the taxonomy can be read.
    /// </summary>
    internal sealed record TaxonomyCase<TValues>(TaxonomyModel Model, JsonLayout Layout, TValues Values)
    {
        public ResolvedTaxonomy Resolved { get; } = new ResolvedTaxonomy(Model);

        public override string ToString() => "taxonomy.json:\n" + TaxonomyJson.Write(Model, Layout).Json + "\n";
    }
}
