export interface SeedTenant {
  id: string;
  name: string;
  users: { id: string; name: string; email: string; locale: 'nl' | 'en'; role: 'admin' | 'member'; token: string }[];
}

export type TenantKey = 'demo' | 'acme';

interface TenantSetup {
  tenant: SeedTenant;
  /** Mixed into the seed, so the two tenants never draw the same data, even with the same `seed` option. */
  stream: number;
  /** Whether the tenant holds the D. Irecteur scenario from the product page. */
  scenario: boolean;
}

/*
 * Colleagues' addresses use the reserved `.example` domain: callback requests e-mail them, and a
 * configured SMTP server must never deliver demo mail to a real mailbox.
 */
export const tenants: Record<TenantKey, TenantSetup> = {
  demo: {
    tenant: {
      id: 'demo',
      name: 'Demo Kantoor B.V.',
      users: [
        { id: 'user-anna', name: 'Anna de Vries', email: 'anna@demokantoor.example', locale: 'nl', role: 'admin', token: 'demo-anna' },
        // Bram works in English, so the demo shows both locales side by side.
        { id: 'user-bram', name: 'Bram Jansen', email: 'bram@demokantoor.example', locale: 'en', role: 'member', token: 'demo-bram' },
      ],
    },
    stream: 1,
    scenario: true,
  },
  acme: {
    tenant: {
      id: 'acme',
      name: 'Acme Holding B.V.',
      users: [{ id: 'user-olga', name: 'Olga Bakker', email: 'olga@acme.example', locale: 'nl', role: 'admin', token: 'acme-olga' }],
    },
    stream: 2,
    scenario: false,
  },
};
