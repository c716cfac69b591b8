import { expect } from 'vitest';
import { json } from './http.js';

/** What the chat API answers, as the system tests read it. */
export interface ShopperAnswer {
  response: string;
  session_id: string;
  intent: string;
  source: string;
  language: string;
  books?: Array<{ title: string; author: string; category: string; url: string; price: number }>;
  links?: Array<{ label: string; url: string }>;
  suggestions?: string[];
}

/** One shopper's conversation through the gateway's JSON chat API, keeping its session. */
export class Shopper {
  id?: string;

  constructor(private readonly gatewayUrl: () => string) {}

  async say(message: string): Promise<ShopperAnswer> {
    const res = await json(`${this.gatewayUrl()}/api/chat`, 'POST', {
      message,
      ...(this.id ? { session_id: this.id } : {}),
    });
    expect(res.status, message).toBe(200);
    this.id = res.body.session_id as string;
    return res.body as unknown as ShopperAnswer;
  }
}
