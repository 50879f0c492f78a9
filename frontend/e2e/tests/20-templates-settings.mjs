// Settings → Saved replies: the starter set is there; a new saved reply shows live validation
// (the problem and where it is) for a broken body, a preview with the gap still to fill and
// then filled, and after saving it is listed with its usage count.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'saved replies: create in Settings, validation with position, preview'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/settings?section=templates', baseURL).toString())
  await page.waitForSelector('[data-testid="settings-templates"]')

  // The starters were seeded on first open, in every language.
  const rows = page.locator('[data-testid="template-row"]')
  await waitFor(async () => (await rows.count()) >= 10, { message: 'the starter saved replies' })

  const marker = `E2E reply ${Date.now().toString(36)}`
  await page.click('[data-testid="template-new"]')
  await page.waitForSelector('[data-testid="template-editor"]')
  await page.fill('[data-testid="template-name"]', marker)
  const body = page.locator('textarea[data-testid="template-body-en"]')

  // A broken body: the problem is named, placed, and marked; saving is off.
  await body.fill('Hi {first_name|there}, about {orderid}!')
  const problem = page.locator('[data-testid="template-problem"]')
  await problem.first().waitFor({ timeout: 10000 })
  assert((await problem.getAttribute('data-kind')) === 'unknownToken', `problem kind ${await problem.getAttribute('data-kind')}`)
  const problemText = await problem.innerText()
  assert(/Line 1, column 30/.test(problemText) && problemText.includes('orderid'), `problem text: ${problemText}`)
  const marked = await page.locator('[data-testid="template-problem-highlight"] [data-testid="token-gap"]').innerText()
  assert(marked === '{orderid}', `marked "${marked}"`)
  assert(await page.locator('[data-testid="template-save"]').isDisabled(), 'save is enabled with a problem')
  assert(
    (await page.locator('[data-testid="template-tab-en"]').innerText()).includes('!'),
    'the English tab does not show the problem',
  )

  await body.fill('Hi {first_name')
  await waitFor(async () => (await problem.getAttribute('data-kind')) === 'unclosedBrace', { message: 'the unclosed-brace problem' })
  await screenshot('validation')

  // Fixed: the preview shows the gap that blocks sending, then the typed value fills it.
  await body.fill('Hi {first_name|there}, order {order_id} ships today. {brand|Our shop}')
  await waitFor(async () => (await problem.count()) === 0, { message: 'the problems to clear' })
  const preview = page.locator('[data-testid="template-preview-text"]')
  await waitFor(async () => (await preview.count()) && (await preview.innerText()).startsWith('Hi there, order {order_id} ships today.'), {
    message: 'the preview with the gap',
  })
  assert((await preview.locator('[data-testid="token-gap"]').innerText()) === '{order_id}', 'the gap is not marked')
  assert((await page.locator('[data-testid="template-preview-missing"]').innerText()).includes('order_id'), 'missing token not named')
  await page.fill('[data-testid="template-preview-value-order_id"]', '#1042')
  await waitFor(async () => (await preview.innerText()).includes('order #1042 ships today.'), { message: 'the typed value in the preview' })
  await page.locator('[data-testid="template-preview-ready"]').waitFor()
  // The demo's brand fills {brand}.
  assert((await preview.innerText()).includes('Glaze & Co.'), `brand not filled: ${await preview.innerText()}`)

  // Against a real conversation: the contact's name replaces the fallback.
  await page.click('[data-testid="template-preview-conversation"]')
  const option = page.locator('.n-base-select-option').nth(1)
  await option.waitFor()
  const convTitle = (await option.innerText()).trim()
  await option.click()
  await waitFor(async () => !(await preview.innerText()).startsWith('Hi there,') || !convTitle, {
    message: `the preview to use the contact of "${convTitle}"`,
  })
  await screenshot('preview')

  await page.click('[data-testid="template-save"]')
  await page.waitForSelector('[data-testid="template-editor"]', { state: 'detached' })
  const mine = page.locator('[data-testid="template-row"]', { hasText: marker })
  await mine.waitFor()
  assert((await mine.locator('[data-testid="template-uses"]').innerText()).includes('Not used yet'), 'usage label')
}
