// Words too common in any support exchange to show that a reply engaged with what was asked.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  but by can cannot could did do does doing down during each few for from further had has have having he her here hers
  him his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our
  ours out over own same she should so some such than that the their theirs them then there these they this those
  through to too under until up very was we were what when where which while who whom why will with would you your
  yours yourself hi hello hey thanks thank please sorry okay ok yes yeah no sure help just like get got know need want
  one really still let see look make able today time day thing things bit lot way well going go went back again
  right good great anything something everything nothing someone anyone would could should might must shall may
  i'm that's it's there's can't don't won't didn't doesn't isn't wasn't haven't hasn't couldn't also already
  tell told say said ask asked call called contact chat email message team customer service`
    .split(/\s+/)
    .filter(Boolean),
);
