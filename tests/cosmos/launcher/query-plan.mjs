// A pass-through query plan: nothing for the SDK to rewrite or merge, the whole key range.
// The server has a single physical partition and evaluates the whole query itself, so the
// SDK's plain pass-through pipeline returns exact results for ORDER BY, TOP, OFFSET/LIMIT,
// aggregates, DISTINCT and GROUP BY alike.
export function queryPlan() {
  return {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: "None",
      top: null,
      offset: null,
      limit: null,
      orderBy: [],
      orderByExpressions: [],
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery: "",
      hasSelectValue: false,
      dCountInfo: null,
      hasNonStreamingOrderBy: false,
    },
    queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
  };
}
