// Switching the language to 简体中文 translates the navigation (and switching back restores it).
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'language switch to 简体中文 translates the navigation'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const inbox = page.locator('[data-testid="nav-inbox"]')
  try {
    await page.click('[data-testid="language-switcher"]')
    await page.click('[data-testid="language-option-zh-Hans"]')
    await waitFor(async () => (await inbox.innerText()).includes('收件箱'), { message: 'the nav to read 收件箱' })
    assert((await page.locator('[data-testid="nav-settings"]').innerText()).includes('设置'), 'Settings is not 设置')
    assert((await page.locator('[data-testid="nav-calendar"]').innerText()).includes('日历'), 'Calendar is not 日历')
    assert((await page.getAttribute('html', 'lang')) === 'zh-Hans', 'html lang is not zh-Hans')

    // The choice is stored by the Go side: it survives a reload.
    await page.reload()
    await waitFor(async () => (await inbox.innerText()).includes('收件箱'), { message: 'the language to persist across a reload' })
    await screenshot('zh-Hans')
  } finally {
    // Leave the shared app in English for whatever runs next.
    await page.click('[data-testid="language-switcher"]')
    await page.click('[data-testid="language-option-en"]')
    await waitFor(async () => (await inbox.innerText()).includes('Inbox'), { message: 'the nav back in English' })
  }
}
