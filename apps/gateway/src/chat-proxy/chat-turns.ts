import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/** A turn the chatbot answered, as the proxy saw it go by (JSON or stream). */
export interface AnsweredTurn {
  sessionId: string;
  /** What the shopper sent. */
  message: string;
  response: string;
  intent: string;
  source: string;
  language?: string;
  turn?: number;
  /** The stream broke off after its first tokens (the LLM failed mid-answer). */
  broken: boolean;
}

export interface RatedTurn {
  sessionId: string;
  turn: number;
  rating: 'up' | 'down' | 'none';
}

/**
 * What goes through the chat proxy, for whoever wants to know (the desk): the proxy tells, and
 * never waits for or depends on a listener. Kept here so the proxy knows nothing of its readers.
 */
@Injectable()
export class ChatTurns {
  readonly answered = new Subject<AnsweredTurn>();
  readonly rated = new Subject<RatedTurn>();
}
