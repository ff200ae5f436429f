namespace Civitas.LinkedData.Rdf;

/// <summary>One statement of an RDF dataset; <see cref="Graph"/> is null for the default graph.</summary>
public sealed record RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph = null);
