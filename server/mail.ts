import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const from = process.env.MAIL_FROM ?? 'Relaties <relaties@example.nl>';

/**
 * Sends through SMTP when `smtpUrl` is set; otherwise writes each message as an `.eml` file in `outbox`,
 * which any mail client opens, so the demo and the tests show real mail without a mail server.
 */
export function createMailer(options: { smtpUrl?: string | undefined; outbox: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from, ...message });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let sequence = 0;
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      await mkdir(options.outbox, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++sequence).padStart(4, '0')}.eml`;
      await writeFile(join(options.outbox, name), info.message as Buffer);
    },
  };
}
