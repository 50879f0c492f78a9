// Package templates is CreatorDesk's saved replies: folders, templates with one
// body per language, a small token language, rendering against a conversation,
// the send-gate policy that refuses a text with an unfilled token, usage counts
// and the starter set.
//
// # Token syntax
//
// A body is plain text with tokens in braces:
//
//	{first_name}          the value; when there is none the token stays in the
//	                      text as a gap, and the text cannot be sent until a
//	                      person fills it in
//	{first_name|there}    the value, or the fallback "there" when there is none
//	{{  and  }}           a literal { and }
//
// Token names are the lowercase names in Tokens (first_name, full_name, brand,
// author_name, agent_name, order_id, product_name, issue, tracking_link,
// discount_code). Spaces around a name or a fallback are ignored. The fallback
// is any text up to the closing brace (it may not contain braces) and may not
// be empty: write {first_name} when a gap is what you want.
//
// Parse reports every problem with its place in the body (byte offset, line
// and column, and UTF-16 offsets for the frontend): an opening brace never
// closed, a closing brace never opened, an empty token, an unknown token and an
// empty fallback. Each problem is a KeyedError (errors.templates.*).
//
// # Rendering
//
// Render picks a variant (the conversation's language, else the contact's, else
// the workspace default, else English, else any, and says which rule chose it),
// fills the tokens from Values and reports the tokens it could not fill. Values
// come from Sources (the contact, the workspace's brand, the thread) merged
// with what the caller passes (the acting member's name, and what the person
// typed for order_id, product_name, issue...). Manual values win.
//
// UnfilledTokens finds the known tokens a text still holds ({name} or
// {name|fallback}); UnfilledPolicy makes the send gate refuse such a text.
package templates
