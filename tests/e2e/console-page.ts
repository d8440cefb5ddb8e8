import { expect, type Locator, type Page } from '@playwright/test';

/** The console as an operator sees it: forms, edges, inspector, found by their accessible names. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.locator('[aria-label="host host1"]')).toBeVisible();
  }

  /** A binding edge by its accessible name. */
  edge(label: string): Locator {
    return this.page.locator(`[aria-label="${label}"]`);
  }

  /** Every binding edge on the graph. */
  edges(): Locator {
    return this.page.locator('.react-flow__edge[aria-label^="binding "]');
  }

  /** Fill and plan a New export / New import form; leaves the plan on screen. */
  async planBinding(kind: 'export' | 'import', f: { host: string; front: string; port: string; proto?: string; target: string; id: string }): Promise<Locator> {
    await this.page.getByRole('button', { name: kind === 'export' ? 'New export' : 'New import', exact: true }).click();
    const form = this.page.getByRole('form', { name: kind === 'export' ? 'New export' : 'New import' });
    await form.getByLabel('Host', { exact: true }).selectOption(f.host);
    await form.getByLabel(kind === 'export' ? 'Interface' : 'Exposed address', { exact: true }).fill(f.front);
    await form.getByLabel('Port', { exact: true }).fill(f.port);
    await form.getByLabel('Protocol', { exact: true }).selectOption(f.proto ?? 'tcp');
    await form.getByLabel('Target', { exact: true }).fill(f.target);
    await form.getByLabel('Id', { exact: true }).fill(f.id);
    await form.getByRole('button', { name: 'Preview plan' }).click();
    return form;
  }

  /** Plan, check the plan names the binding, and create it. */
  async createBinding(kind: 'export' | 'import', f: Parameters<ConsolePage['planBinding']>[1]): Promise<void> {
    const form = await this.planBinding(kind, f);
    await expect(form.getByRole('region', { name: 'Plan' })).toContainText(`add ${f.id}`);
    await form.getByRole('button', { name: kind === 'export' ? 'Create export' : 'Create import' }).click();
    await expect(this.page.getByRole('status')).toContainText(`Created ${kind} ${f.id} on ${f.host}.`);
  }

  /** Expose a host on the overlay with the Expose form (the seed's `weave expose`). */
  async exposeHost(host: string, cidr: string, name = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Expose host', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Expose host' });
    await form.getByLabel('Host', { exact: true }).selectOption(host);
    await form.getByLabel('Address', { exact: true }).fill(cidr);
    await form.getByLabel('Bridge', { exact: true }).fill('weave');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Expose', exact: true }).click();
    await expect(this.page.getByRole('status')).toContainText(`${host} now exposes ${cidr} on the overlay.`);
  }

  /** Select an edge with the keyboard (focus it, press Enter), as React Flow allows. */
  async select(label: string): Promise<void> {
    const e = this.edge(label);
    await e.focus();
    await this.page.keyboard.press('Enter');
    await expect(e).toHaveClass(/selected/);
  }

  /** Drag a binding's target end onto a port handle of another node. */
  async dragTargetEnd(edgeLabel: string, nodeId: string, port: number): Promise<void> {
    const from = await this.edge(edgeLabel).locator('.react-flow__edgeupdater-target').boundingBox();
    const to = await this.page.locator(`.react-flow__node[data-id="${nodeId}"] .react-flow__handle[data-handleid="in:${port}"]`).boundingBox();
    if (!from || !to) throw new Error(`cannot find the edge end of ${edgeLabel} or the port ${port} of ${nodeId}`);
    const m = this.page.mouse;
    await m.move(from.x + from.width / 2, from.y + from.height / 2);
    await m.down();
    await m.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 10, { steps: 5 });
    await m.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
    await m.up();
  }

  /** The confirmation a drop opens (host, binding, old → new target, plan, Apply and Cancel). */
  dropConfirmation(): Locator {
    return this.page.getByRole('dialog', { name: /^Rebind / });
  }

  /** Drag a binding's target end onto a port of another node, then Apply the confirmation it opens. */
  async rebindByDrag(edgeLabel: string, nodeId: string, port: number): Promise<void> {
    await this.dragTargetEnd(edgeLabel, nodeId, port);
    const dialog = this.dropConfirmation();
    await expect(dialog.getByRole('region', { name: 'Plan' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }
}
