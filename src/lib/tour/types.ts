// A guided tour as data: one file a tour (tours/), each step a short card that points at a part of a live page and
// may do one thing there when the reader presses Space or →. Actions drive the real widgets through the DOM, the way
// a reader's click would, so a tour needs no hook inside any feature and shows exactly what the page computes.

/** One thing a step does on the page; every target is a CSS selector, waited for while the page draws it. */
export type TourAction =
	/**
	 * click the element (a button, a tab, a chip); `text` picks the one whose text contains it; `optional` skips it
	 * when the page has no such element once the step's pointed-at part is drawn (a button only a stored run shows)
	 */
	| { click: string; text?: string; optional?: boolean }
	/** tick or untick a checkbox (idempotent, so going back and forth is safe) */
	| { check: string; value: boolean }
	/** set an input's or a select's value and tell the widget (input + change events) */
	| { set: string; value: string | number }
	/** add to a number input's value (moving a box by half a cell) */
	| { nudge: string; by: number }
	/** move a range input from its value to `to` in a few frames, at most 300 ms (at once under reduced motion) */
	| { sweep: string; to: number };

export interface TourStep {
	/** a few words: the card's heading and its entry in the step list */
	title: string;
	/** one to three sentences, shown before the action: what to look at, what to predict */
	text: string;
	/** the page the step happens on, below the site's base, with the query it needs when jumped to */
	at: string;
	/** what the ring points at; the card scrolls it into view */
	point?: string;
	/** run on every arrival at the step (picking the stepper's stage, say) */
	enter?: TourAction[];
	/** what Space or → does before moving on, with the button's label */
	act?: { label: string; run: TourAction[] };
	/** one or two sentences shown once the action has run: what just changed */
	after?: string;
}

export interface Tour {
	/** the URL's tour= */
	id: string;
	title: string;
	/** one sentence for the list of tours */
	blurb: string;
	steps: TourStep[];
}
