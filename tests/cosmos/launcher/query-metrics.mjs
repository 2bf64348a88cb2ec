// The x-ms-documentdb-query-metrics header the service sends when a query asks for it
// (x-ms-documentdb-populatequerymetrics; the .NET SDK always does), in the service's format. The
// SDK parses it into FeedResponse diagnostics (ServerSideCumulativeMetrics).
//
// retrievedDocumentCount is what the engine read for this request: every document in scope when
// the query ran (no indexes, a full scan), 0 for a page served from the result cache. Summed
// over a query's pages it is the documents examined, as on the service. Times and sizes are 0.

export function queryMetricsHeader(documentsRetrieved, documentsOutput) {
  return {
    "x-ms-documentdb-query-metrics": [
      "totalExecutionTimeInMs=0.00", "queryCompileTimeInMs=0.00", "queryLogicalPlanBuildTimeInMs=0.00",
      "queryPhysicalPlanBuildTimeInMs=0.00", "queryOptimizationTimeInMs=0.00", "VMExecutionTimeInMs=0.00",
      "indexLookupTimeInMs=0.00", "documentLoadTimeInMs=0.00", "systemFunctionExecuteTimeInMs=0.00",
      "userFunctionExecuteTimeInMs=0.00", `retrievedDocumentCount=${documentsRetrieved}`, "retrievedDocumentSize=0",
      `outputDocumentCount=${documentsOutput}`, "outputDocumentSize=0", "writeOutputTimeInMs=0.00", "indexUtilizationRatio=1.00",
    ].join(";"),
  };
}
