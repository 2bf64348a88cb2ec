namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>The Galtea REST golden tests on the embedded SQLite store.</summary>
public sealed class SqliteGalteaRestTests(GalteaSqliteServer server) : GalteaRestTests(server), IClassFixture<GalteaSqliteServer>;
