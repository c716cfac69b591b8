import type { SupportRequestDto } from '@bookstore/contracts';
import type { SupportRequestRow } from '@bookstore/database';

/** A support request as every list of them shows it: the agents' API and the desk alike. */
export function requestSummary(row: SupportRequestRow) {
  return {
    reference: row.reference,
    email: row.email,
    problem: row.problem,
    order_id: row.order_id,
    language: row.language,
    reason: row.reason as SupportRequestDto['reason'],
    status: row.status,
    created_at: row.created_at,
  };
}

/** A support request as the agents' API answers it, with its transcript. */
export function toDto(row: SupportRequestRow): SupportRequestDto {
  return {
    ...requestSummary(row),
    note: row.note,
    updated_at: row.updated_at,
    delivery: row.delivery,
    transcript_read: row.transcript_read,
    transcript: row.transcript.map((t) => ({
      ...t,
      source: t.source as SupportRequestDto['transcript'][number]['source'],
    })),
  };
}
