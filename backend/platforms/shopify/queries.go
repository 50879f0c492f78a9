package shopify

// The GraphQL Admin API documents the connector sends.
const (
	queryShop = `query Shop { shop { id name myshopifyDomain currencyCode } }`

	queryOrders = `query Orders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name createdAt updatedAt
      totalPriceSet { shopMoney { amount currencyCode } }
      discountCodes
      customer { id }
      customerJourneySummary {
        firstVisit { occurredAt landingPage referrerUrl utmParameters { source medium campaign content term } }
        lastVisit { occurredAt landingPage referrerUrl utmParameters { source medium campaign content term } }
      }
    }
  }
}`

	mutationCreateCode = `mutation CreateCode($input: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $input) {
    codeDiscountNode { id }
    userErrors { field code message }
  }
}`

	queryCodeUsage = `query CodeUsage($code: String!) {
  codeDiscountNodeByCode(code: $code) {
    id
    codeDiscount { ... on DiscountCodeBasic { asyncUsageCount } }
  }
}`
)
